import os from "node:os";

/** What a benchmark figure depends on besides the code. */
export interface MachineInfo {
  nodeVersion: string;
  v8Version: string;
  cpuModel: string;
  logicalCpus: number;
  platform: string;
  totalMemoryGigabytes: number;
  /** 1-minute load average when asked: near or above `logicalCpus`, other work shares the CPUs and figures are noisy. */
  loadAverage: number;
}

/** The running machine, from `process.versions` and `os`. */
export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    nodeVersion: process.version,
    v8Version: process.versions.v8,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    logicalCpus: cpus.length,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    totalMemoryGigabytes: os.totalmem() / 2 ** 30,
    loadAverage: os.loadavg()[0],
  };
}
