// The gazetteer on real agency names: places recognised, a one-character slip repaired only when
// one real place fits, the place prefix that makes two names of one body.
import { describe, expect, it } from 'vitest';
import { isPlace, leadingPlaces, placeCore, repairPlace } from '../../src/shared/places/gazetteer.ts';

describe('gazetteer', () => {
  it('knows provinces, cities and counties', () => {
    expect(isPlace('江苏省')).toBe(true);
    expect(isPlace('淮安市')).toBe(true);
    expect(isPlace('沭阳县')).toBe(true);
    expect(isPlace('平潭县')).toBe(true);
    expect(isPlace('沐阳县')).toBe(false);
  });

  it('reads the places an agency name begins with', () => {
    expect(leadingPlaces('淮安市洪泽区人民政府')).toEqual({ places: ['淮安市', '洪泽区'], rest: '人民政府' });
    expect(leadingPlaces('宁波市北仑区人民政府')).toEqual({ places: ['宁波市', '北仑区'], rest: '人民政府' });
    expect(leadingPlaces('平潭综合实验区财政金融局').places).toEqual([]);
    expect(leadingPlaces('沭阳县发展和改革局')).toEqual({ places: ['沭阳县'], rest: '发展和改革局' });
  });

  it('repairs a slip that names no real place when exactly one real place is a character away', () => {
    expect(repairPlace('沐阳县发展和改革局')).toEqual({ repaired: '沭阳县发展和改革局', from: '沐阳县', to: '沭阳县' });
    expect(repairPlace('宿迁市沐阳县人民政府')?.repaired).toBe('宿迁市沭阳县人民政府');
    // Real places, and names that are no division at all, are left alone.
    expect(repairPlace('沭阳县发展和改革局')).toBeNull();
    expect(repairPlace('平潭综合实验区财政金融局')).toBeNull();
    expect(repairPlace('内江高新区')).toBeNull();
    expect(repairPlace('宁波国家高新区(新材料科技城)管委会')).toBeNull();
  });

  it('drops the places above a body’s own, so names that differ only by them meet', () => {
    expect(placeCore('淮安市洪泽区人民政府')).toBe('洪泽区人民政府');
    expect(placeCore('洪泽区人民政府')).toBe('洪泽区人民政府');
    expect(placeCore('江苏省淮安市洪泽区人民政府')).toBe('洪泽区人民政府');
    // Two places that do not nest are not a prefix.
    expect(placeCore('南京市洪泽区人民政府')).toBe('南京市洪泽区人民政府');
  });
});
