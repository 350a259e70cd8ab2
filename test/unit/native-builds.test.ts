// The committed builds of the ranking extension: one per platform the app runs on, each for
// its CPU, all built from the source as it is now (scripts/build-native.sh rebuilds them).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root));

/** The CPU an ELF or PE library is for, from its header. */
function machineOf(bin: Buffer): string {
  if (bin.subarray(0, 4).equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))) {
    if (bin[4] !== 2 || bin.readUInt16LE(16) !== 3) return 'not a 64-bit ELF shared object';
    return { 0x3e: 'x86-64', 0xb7: 'aarch64' }[bin.readUInt16LE(18)] ?? 'ELF, other CPU';
  }
  if (bin.toString('latin1', 0, 2) === 'MZ') {
    const pe = bin.readUInt32LE(0x3c);
    if (bin.toString('latin1', pe, pe + 4) !== 'PE\0\0') return 'not a PE file';
    const dll = (bin.readUInt16LE(pe + 22) & 0x2000) !== 0;
    return dll ? ({ 0x8664: 'x86-64 DLL', 0xaa64: 'arm64 DLL' }[bin.readUInt16LE(pe + 4)] ?? 'DLL, other CPU') : 'not a DLL';
  }
  return 'unknown';
}

describe('the ranking extension builds', () => {
  it.each([
    ['resources/sqlite/linux-x64/nianbao_rank.so', 'x86-64'],
    ['resources/sqlite/linux-arm64/nianbao_rank.so', 'aarch64'],
    ['resources/sqlite/win32-x64/nianbao_rank.dll', 'x86-64 DLL'],
  ])('%s is for %s', (path, machine) => {
    expect(machineOf(read(path))).toBe(machine);
  });

  it('were built from the source as it is now', () => {
    const now = createHash('sha256').update(read('native/nianbao_rank.c')).digest('hex');
    expect(read('resources/sqlite/SOURCE.sha256').toString().trim()).toBe(now);
  });
});
