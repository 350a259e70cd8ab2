// What the .docx writers share: the typefaces of government papers (each with the name Word
// on Windows knows and the Chinese one WPS and LibreOffice match on) and the thin black cell
// border of the national tables.
import { BorderStyle } from 'docx';

export const FONTS = {
  song: { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' },
  fang: { ascii: 'FangSong', eastAsia: '仿宋', hAnsi: 'FangSong' },
  hei: { ascii: 'SimHei', eastAsia: '黑体', hAnsi: 'SimHei' },
};

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
export const CELL_BORDERS = { top: border, bottom: border, left: border, right: border };
