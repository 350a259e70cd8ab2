// The CPU a native library (ELF shared object or PE DLL) is built for, read from its header.
export function machineOf(bin: Buffer): string {
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
