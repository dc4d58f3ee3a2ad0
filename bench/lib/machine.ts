import os from 'node:os';

/** What the figures were measured on: they mean little without it. */
export function describeMachine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    /** Load before the run: a busy machine makes every timing slower. */
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
  };
}

export function formatMachine(machine: ReturnType<typeof describeMachine>): string {
  return `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, Node ${machine.node}, ${machine.os}, load ${machine.loadAverage.join(' ')}`;
}
