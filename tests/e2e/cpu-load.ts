import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';

/**
 * Busy-loop processes for the length of a test (two per core by default), so that a test about timing under
 * load runs under load every time instead of passing on an idle machine by luck.
 */
export function startCpuLoad(processes = 2 * availableParallelism()): { stop: () => void } {
  const children: ChildProcess[] = [];
  for (let i = 0; i < processes; i++) children.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  return { stop: () => children.forEach((child) => child.kill('SIGKILL')) };
}
