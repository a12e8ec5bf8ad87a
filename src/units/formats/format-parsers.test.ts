/** The non-GSO formats on small inline lists: 2025 units and provinces, the mapping, the alias lists. */
import { describe, expect, it } from 'vitest';
import { unitId } from '../unit.types.js';
import { readUnitFile, type FileContent } from './index.js';

const csv = (name: string, lines: string[]): FileContent => ({ name, bytes: new TextEncoder().encode(lines.join('\n') + '\n') });

describe('units-2025', () => {
  const header = 'province,ward,provinceShort,wardShort,wardType,provinceCode,provinceLat,provinceLon,wardCode,wardLat,wardLon,wardAreaKm2';
  it('gives provinces and communes with padded codes; the name wins over a wrong wardType, with a warning', async () => {
    const batch = await readUnitFile(
      csv('u.csv', [
        header,
        'Thành phố Hà Nội,Phường Hồng Hà,Hà Nội,Hồng Hà,Phường,1,21,105,97,21,105,15.09',
        'Thành phố Hải Phòng,Phường Việt Hòa,Hải Phòng,Việt Hòa,Xã,31,20,106,10543,20,106,17.02',
        'Tỉnh Quảng Ngãi,Đặc khu Lý Sơn,Quảng Ngãi,Lý Sơn,Đặc khu,51,15,108,21548,15,109,10',
      ]),
    );
    expect(batch.format).toBe('units-2025');
    expect(batch.unitsAreReferences).toBeUndefined();
    expect(batch.units.map(unitId)).toEqual(['y2025:province:01', 'y2025:commune:00097', 'y2025:province:31', 'y2025:commune:10543', 'y2025:province:51', 'y2025:commune:21548']);
    expect(batch.units[1]).toEqual({ scheme: 'y2025', level: 'commune', code: '00097', name: 'Phường Hồng Hà', kind: 'phuong', parentCode: '01' });
    expect(batch.units[3]?.kind).toBe('phuong');
    expect(batch.units[5]?.kind).toBe('dac_khu');
    expect(batch.warnings).toEqual(['Tệp "u.csv", dòng 3: tên "Phường Việt Hòa" cho biết loại "Phường" nhưng cột loại ghi "Xã"; lấy theo tên.']);
  });
});

describe('provinces-2025', () => {
  it('adds "Tỉnh" to a bare province name and reads "Thành phố" as a centrally-run city', async () => {
    const batch = await readUnitFile(csv('p.csv', ['Stt,Mã số,Tên 34 tỉnh sau sáp nhập', '1,01,Thành phố Hà Nội', '2,4,Cao Bằng']));
    expect(batch.units).toEqual([
      { scheme: 'y2025', level: 'province', code: '01', name: 'Thành phố Hà Nội', kind: 'thanh_pho_tw' },
      { scheme: 'y2025', level: 'province', code: '04', name: 'Tỉnh Cao Bằng', kind: 'tinh' },
    ]);
  });
});

describe('mapping-2025', () => {
  const header =
    'provinceCode,isMergedProvince,districtCode,districtType,wardCode,wardType,isMergedWard,isDividedWard,province,district,ward,newProvince,newWard,newWardShort,newProvinceCode,newProvinceLat,newProvinceLon,newWardCode,newWardType';
  const rows = [
    '1,False,1,Quận,1.0,Phường,True,False,Thành phố Hà Nội,Quận Ba Đình,Phường Phúc Xá,Thành phố Hà Nội,Phường Hồng Hà,Hồng Hà,01,21,105,00097,Phường',
    '1,False,1,Quận,7.0,Phường,True,True,Thành phố Hà Nội,Quận Ba Đình,Phường Cống Vị,Thành phố Hà Nội,Phường Giảng Võ,Giảng Võ,01,21,105,00025,Phường',
    '1,False,1,Quận,7.0,Phường,True,True,Thành phố Hà Nội,Quận Ba Đình,Phường Cống Vị,Thành phố Hà Nội,Phường Ngọc Hà,Ngọc Hà,01,21,105,00008,Phường',
    '31,False,318,Huyện,,,False,False,Thành phố Hải Phòng,Huyện Bạch Long Vĩ,,Thành phố Hải Phòng,Đặc khu Bạch Long Vĩ,Bạch Long Vĩ,31,20,106,11948,Đặc khu',
  ];
  it('pads float codes, names every unit (as references), links communes, districts without communes and provinces', async () => {
    const batch = await readUnitFile(csv('m.csv', [header, ...rows]));
    expect(batch.format).toBe('mapping-2025');
    expect(batch.unitsAreReferences).toBe(true);
    expect(batch.units.map(unitId).sort()).toEqual([
      'legacy:commune:00001',
      'legacy:commune:00007',
      'legacy:district:001',
      'legacy:district:318',
      'legacy:province:01',
      'legacy:province:31',
      'y2025:commune:00008',
      'y2025:commune:00025',
      'y2025:commune:00097',
      'y2025:commune:11948',
      'y2025:province:01',
      'y2025:province:31',
    ]);
    const links = batch.successors.map((l) => `${unitId(l.from)} -> ${unitId(l.to)}${l.main ? ' (main)' : ''}`);
    expect(links.sort()).toEqual([
      'legacy:commune:00001 -> y2025:commune:00097 (main)',
      'legacy:commune:00007 -> y2025:commune:00008 (main)',
      'legacy:commune:00007 -> y2025:commune:00025',
      'legacy:district:318 -> y2025:commune:11948 (main)',
      'legacy:province:01 -> y2025:province:01 (main)',
      'legacy:province:31 -> y2025:province:31 (main)',
    ]);
    expect(batch.warnings).toHaveLength(1);
    expect(batch.warnings).toEqual([
      'Tệp "m.csv", dòng 3: Phường Cống Vị (mã 00007) có 2 đơn vị kế thừa: Phường Giảng Võ (mã 00025) ở dòng 3; Phường Ngọc Hà (mã 00008) ở dòng 4. ' +
        'Tệp không ghi đơn vị nào là chính; chọn Phường Ngọc Hà (mã 00008) làm đơn vị kế thừa chính theo quy tắc "mã gần nhất".',
    ]);
  });
  it('chooses the main successor of a divided commune by the shared rule, whatever the row order', async () => {
    const sameName = rows[2]?.replace('Phường Cống Vị', 'Phường Ngọc Hà') ?? '';
    const batch = await readUnitFile(csv('m.csv', [header, rows[1]?.replace('Phường Cống Vị', 'Phường Ngọc Hà') ?? '', sameName]));
    expect(batch.successors.filter((l) => l.main).map((l) => unitId(l.to))).toEqual(['y2025:commune:00008', 'y2025:province:01']);
    expect(batch.warnings[0]).toContain('theo quy tắc "cùng tên"');
  });
  it('refuses a code that is not an integer, naming the column and row', async () => {
    const bad = rows[0]?.replace(',1.0,', ',1.5,') ?? '';
    await expect(readUnitFile(csv('m.csv', [header, bad]))).rejects.toMatchObject({ code: 'units.bad_code', row: 2, message: expect.stringContaining('wardCode') as unknown });
  });
});

describe('alias lists', () => {
  it('gives one alias per row, keys as written, source and year when present', async () => {
    const batch = await readUnitFile(
      csv('a.csv', [
        'province_key,district_key,ward_key,alias_keyword,source,year',
        'thanhphohochiminh,quan3,phuong9,phuong10,"https://x.vn/a,b",2019',
        'thanhphohochiminh,quan3,phuong9,p10,,',
        'tinhnghean,huyenyenthanh,xãđôngthành,hợpthành,,',
      ]),
    );
    expect(batch.format).toBe('alias-communes');
    expect(batch.aliases).toEqual([
      { unit: { level: 'commune', provinceKey: 'thanhphohochiminh', districtKey: 'quan3', communeKey: 'phuong9' }, alias: 'phuong10', source: 'https://x.vn/a,b', year: '2019' },
      { unit: { level: 'commune', provinceKey: 'thanhphohochiminh', districtKey: 'quan3', communeKey: 'phuong9' }, alias: 'p10' },
      { unit: { level: 'commune', provinceKey: 'tinhnghean', districtKey: 'huyenyenthanh', communeKey: 'xãđôngthành' }, alias: 'hợpthành' },
    ]);
    expect(batch.warnings).toEqual(['Tệp "a.csv", dòng 4: khóa "xãđôngthành" ở cột ward_key không ở dạng rút gọn (nên là "xadongthanh"); giữ nguyên như tệp ghi.']);
  });
  it('reads province and district alias lists at their level', async () => {
    const p = await readUnitFile(csv('ap.csv', ['province_key,alias_keyword', 'thanhphohanoi,hn']));
    expect(p.aliases).toEqual([{ unit: { level: 'province', provinceKey: 'thanhphohanoi' }, alias: 'hn' }]);
    const d = await readUnitFile(csv('ad.csv', ['province_key,district_key,alias_keyword,source', 'tinhdongthap,thanhphohongngu,txhongngu,']));
    expect(d.aliases).toEqual([{ unit: { level: 'district', provinceKey: 'tinhdongthap', districtKey: 'thanhphohongngu' }, alias: 'txhongngu' }]);
  });
});
