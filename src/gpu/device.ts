// Opening WebGPU: adapter, device, what they can do, and why not when they cannot.
// Works on the main thread and in a dedicated worker (both have navigator.gpu).
// The GPU object comes in as a parameter, so every failure path can be tested.
import type { TileLimits } from './tiles.ts';
import { messageOf } from '../format/error.ts';

/** The limits our kernels depend on, as the device (not the adapter) grants them. */
export interface GpuLimits extends TileLimits {
  readonly maxComputeWorkgroupsPerDimension: number;
  readonly maxStorageBufferBindingSize: number;
  readonly maxBufferSize: number;
}

/** Plain, structured-cloneable description of the adapter and device. */
export interface GpuInfo {
  readonly vendor: string;
  readonly architecture: string;
  readonly description: string;
  /** A software or otherwise degraded adapter (e.g. SwiftShader on the CPU): not a speed reference. */
  readonly isFallbackAdapter: boolean;
  readonly features: { readonly timestampQuery: boolean; readonly shaderF16: boolean };
  readonly limits: GpuLimits;
}

/**
 * An open device. Mutable on purpose: when the device is lost, `lost` gets the
 * reason, and the next kernel call (ensureDevice) opens a new adapter and device
 * into the same handle.
 */
export interface GpuHandle {
  readonly available: true;
  readonly gpu: GPU;
  adapter: GPUAdapter;
  device: GPUDevice;
  info: GpuInfo;
  /** timestamp-query was granted on this device: kernel times can be read. */
  timestamps: boolean;
  /** Why the current device was lost; null while it works. */
  lost: string | null;
  /** How many times a device was opened for this handle (1 at first). */
  generation: number;
}

export interface GpuUnavailable {
  readonly available: false;
  readonly reason: string;
}

const BROWSERS =
  'Chrome and Edge ship WebGPU by default (desktop, version 113 and later; on Android 121 and later); ' +
  'other browsers are catching up (Safari and Firefox are enabling it release by release, some only on some systems or behind a flag). ' +
  'WebGPU also needs a secure page (https:// or localhost).';

export const NO_WEBGPU_REASON = `WebGPU not enabled in this browser: navigator.gpu is missing. ${BROWSERS}`;

export const NO_ADAPTER_REASON =
  'WebGPU is enabled but no GPU adapter is available: navigator.gpu.requestAdapter() returned null ' +
  '(the GPU or its driver is blocklisted, hardware acceleration is off, or the browser was started with --disable-gpu). ' +
  BROWSERS;

/** Older Chromium had `adapter.isFallbackAdapter` and `requestAdapterInfo()`; current has `adapter.info`. */
interface LegacyAdapter {
  readonly info?: Partial<GPUAdapterInfo>;
  readonly isFallbackAdapter?: boolean;
  requestAdapterInfo?(): Promise<Partial<GPUAdapterInfo>>;
}

async function adapterInfo(adapter: GPUAdapter): Promise<Partial<GPUAdapterInfo>> {
  const legacy = adapter as unknown as LegacyAdapter;
  if (legacy.info) return legacy.info;
  try {
    return (await legacy.requestAdapterInfo?.()) ?? {};
  } catch {
    return {};
  }
}

function isFallback(adapter: GPUAdapter, info: Partial<GPUAdapterInfo>): boolean {
  const legacy = adapter as unknown as LegacyAdapter;
  return info.isFallbackAdapter ?? legacy.isFallbackAdapter ?? false;
}

const LIMIT_NAMES = [
  'maxComputeInvocationsPerWorkgroup',
  'maxComputeWorkgroupStorageSize',
  'maxComputeWorkgroupSizeX',
  'maxComputeWorkgroupSizeY',
  'maxComputeWorkgroupsPerDimension',
  'maxStorageBufferBindingSize',
  'maxBufferSize',
] as const satisfies readonly (keyof GpuLimits)[];

function pickLimits(limits: GPUSupportedLimits): GpuLimits {
  const out: Record<string, number> = {};
  for (const name of LIMIT_NAMES) out[name] = limits[name];
  return out as unknown as GpuLimits;
}

interface Opened {
  adapter: GPUAdapter;
  device: GPUDevice;
  info: GpuInfo;
  timestamps: boolean;
}

async function openDevice(gpu: GPU): Promise<Opened | GpuUnavailable> {
  let adapter: GPUAdapter | null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (e) {
    return { available: false, reason: `WebGPU: requestAdapter() failed: ${messageOf(e)}` };
  }
  if (!adapter) return { available: false, reason: NO_ADAPTER_REASON };

  const raw = await adapterInfo(adapter);
  const timestampQuery = adapter.features.has('timestamp-query');
  const shaderF16 = adapter.features.has('shader-f16');
  // A device gets the default limits unless it asks for more. Ask for everything
  // the adapter offers on the limits we use: bigger workgroups for the tiles, and
  // buffers big enough for the large data sets (defaults: 128 MiB binding, 256 MiB buffer).
  const requiredLimits: Record<string, number> = {};
  for (const name of LIMIT_NAMES) requiredLimits[name] = adapter.limits[name];

  let device: GPUDevice;
  try {
    device = await adapter.requestDevice({
      requiredFeatures: timestampQuery ? ['timestamp-query'] : [],
      requiredLimits,
    });
  } catch (e) {
    return { available: false, reason: `WebGPU: requestDevice() failed: ${messageOf(e)}` };
  }
  const info: GpuInfo = {
    vendor: raw.vendor ?? '',
    architecture: raw.architecture ?? '',
    description: raw.description ?? '',
    isFallbackAdapter: isFallback(adapter, raw),
    features: { timestampQuery, shaderF16 },
    // The device's, not the adapter's: they are what pipelines are validated against.
    limits: pickLimits(device.limits),
  };
  return { adapter, device, info, timestamps: device.features.has('timestamp-query') };
}

function watchLoss(handle: GpuHandle, device: GPUDevice): void {
  void device.lost.then((lostInfo) => {
    // A device replaced since then is no concern of this old one.
    if (handle.device !== device) return;
    handle.lost = `the GPU device was lost (${lostInfo.reason}${lostInfo.message ? `: ${lostInfo.message}` : ''})`;
  });
}

/**
 * Adapter and device, or the reason there are none. Never throws: a browser
 * without WebGPU is an expected case, reported in words for the slide.
 */
export async function openGpu(gpu: GPU | undefined): Promise<GpuHandle | GpuUnavailable> {
  if (!gpu || typeof gpu.requestAdapter !== 'function') return { available: false, reason: NO_WEBGPU_REASON };
  const opened = await openDevice(gpu);
  if ('available' in opened) return opened;
  const handle: GpuHandle = { available: true, gpu, ...opened, lost: null, generation: 1 };
  watchLoss(handle, handle.device);
  return handle;
}

const reopening = new WeakMap<GpuHandle, Promise<GPUDevice>>();

/**
 * The handle's device, opened anew (new adapter too: an adapter gives one device)
 * if the previous one was lost. Throws the reason when no device can be had.
 */
export function ensureDevice(handle: GpuHandle): Promise<GPUDevice> {
  if (handle.lost === null) return Promise.resolve(handle.device);
  // Calls that find the device lost at the same time share one re-opening.
  let pending = reopening.get(handle);
  if (!pending) {
    const why = handle.lost;
    pending = openDevice(handle.gpu)
      .then((opened) => {
        if ('available' in opened) throw new Error(`${why}; opening a new one failed: ${opened.reason}`);
        Object.assign(handle, opened, { lost: null, generation: handle.generation + 1 });
        watchLoss(handle, handle.device);
        return handle.device;
      })
      .finally(() => reopening.delete(handle));
    reopening.set(handle, pending);
  }
  return pending;
}

/** The GPU object of this thread (window or dedicated worker), if any. */
export function navigatorGpu(): GPU | undefined {
  return (globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu;
}
