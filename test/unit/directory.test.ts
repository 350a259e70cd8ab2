// The 单位目录 proposed from real agency names of the corpus and fixtures.
import { describe, expect, it } from 'vitest';
import { proposeDirectory } from '../../src/shared/area/directory.ts';

describe('proposing the directory from names', () => {
  const names = [
    '平潭综合实验区管委会办公室',
    '平潭综合实验区财政金融局',
    '平潭综合实验区金井片区管理局',
    '淮安市人民政府',
    '淮安市洪泽区人民政府',
    '宁波市科学技术局',
    '宁波市北仑区人民政府',
    '平潭县财政局',
    '内江高新区',
  ];
  const by = Object.fromEntries(proposeDirectory([...names, '平潭综合实验区管委会']).map((u) => [u.name, [u.kind, u.parent]]));

  it('puts departments under the government whose area their name begins with', () => {
    expect(by['平潭综合实验区财政金融局']).toEqual(['部门', '平潭综合实验区管委会']);
    expect(by['平潭综合实验区管委会办公室']).toEqual(['部门', '平潭综合实验区管委会']);
    expect(by['平潭综合实验区金井片区管理局']).toEqual(['部门', '平潭综合实验区管委会']);
  });

  it('takes a place and 人民政府 for a government, under the one before it', () => {
    expect(by['淮安市人民政府']).toEqual(['本级政府', null]);
    expect(by['淮安市洪泽区人民政府']).toEqual(['本级政府', '淮安市人民政府']);
    expect(by['宁波市北仑区人民政府']).toEqual(['本级政府', '宁波市人民政府']);
  });

  it('puts a department under its place’s government when that government is not in the list', () => {
    expect(by['宁波市科学技术局']).toEqual(['部门', '宁波市人民政府']);
    expect(by['平潭县财政局']).toEqual(['部门', '平潭县人民政府']);
  });

  it('leaves a name it cannot place as 其他, with no 上级', () => {
    expect(by['内江高新区']).toEqual(['其他', null]);
  });

  it('proposes 应报 for every unit', () => {
    expect(proposeDirectory(names).every((u) => u.required && u.aliases.length === 0)).toBe(true);
  });
});
