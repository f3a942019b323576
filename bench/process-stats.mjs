// Per-process figures from /proc, for telling a server's CPU and memory from the rest of the machine's.
import { readdirSync, readFileSync } from 'node:fs';

/** utime + stime of a process, in clock ticks (the unit of /proc/stat); 0 once it is gone. */
export function ticksOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** Resident set size of a process, in bytes. */
export const rssOf = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

/** Pids of the processes named `name` (e.g. redis-server), to tell their CPU from that of other work. */
export const pidsOf = (name) =>
  readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name;
      } catch {
        return false;
      }
    })
    .map(Number);
