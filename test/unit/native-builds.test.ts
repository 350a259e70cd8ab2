// The committed builds of the ranking extension: one per platform the app runs on, each for
// its CPU, all built from the source as it is now (scripts/build-native.sh rebuilds them).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { machineOf } from '../helpers/machine-of.ts';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root));

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
