// Before a typed agency name is saved on reports: a name no report has yet, or one with Latin
// letters or digits run into the Chinese (财金局czj: pinyin typed after the name; 财政局2), is
// asked about first, since once saved it is offered in every suggestion list.
import { api } from '../api.ts';

const HAN = /[\u3400-\u9fff]/;
const LATIN_OR_DIGIT = /[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]/;

/** The questions to ask about a name before saving it (none: save at once). */
export async function nameQuestions(name: string): Promise<string[]> {
  const questions: string[] = [];
  const known = (await api.suggestAgencies({ text: name }))[0]?.name === name; // the exact name comes first
  if (!known) questions.push(`新增单位“${name}”？档案中还没有这个名称的报告。`);
  if (HAN.test(name) && LATIN_OR_DIGIT.test(name)) questions.push(`名称中夹有字母或数字：“${name}”，确定要保存吗？`);
  return questions;
}
