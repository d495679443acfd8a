/**
 * Cross-script look-alikes that NFKC leaves alone (Cyrillic "а" stays U+0430), folded to a Latin skeleton in
 * the spirit of Unicode TR39 confusables. Case-aware, applied before lowercasing, because some letters look
 * Latin only in one case (Greek "Ν" is an N, "ν" is a v). Fingerprint only, never shown to the user.
 */

/** Pairs "look-alike, Latin", space-separated, grouped by script. */
const TABLE = [
  // Cyrillic
  'АA ВB СC ЕE НH ІI ЈJ КK МM ОO РP ЅS ТT ХX УY ҮY ԚQ ԜW ӀI ЬB',
  'аa вb сc еe һh іi јj кk мm нh оo рp ԛq ѕs тt уy үy хx ԝw ӏl ьb гr пn ёe',
  // Greek
  'ΑA ΒB ΕE ΖZ ΗH ΙI ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX ϹC ϿC',
  'αa βb γy εe ηn ιi κk νv οo ρp τt υu χx ϲc ωw ϳj ςc μu',
  // Latin small capitals and IPA letters
  'ıi ȷj ɑa ɡg ɩi ɪi ʀr ʙb ʜh ʟl ɴn ʏy ᴀa ᴄc ᴅd ᴇe ᴊj ᴋk ᴍm ᴏo ᴘp ᴛt ᴜu ᴠv ᴡw ᴢz ꜱs ɢg ǫq',
  // Armenian and Cherokee
  'օo սu ցg ոn հh ԼL ՏS ᎪA ᏴB ᏟC ᎬE ᎻH ᎫJ ᏦK ᎷM ᏢP ᏚS ᎢT ᏔW ᏃZ',
].join(' ');

const FOLD = new Map<string, string>();
for (const pair of TABLE.split(' ')) {
  const [from, to] = Array.from(pair);
  if (from !== undefined && to !== undefined) FOLD.set(from, to);
}

const NON_ASCII = /[\u0080-\uffff]/;

/** Replaces look-alike letters with their Latin skeleton; other characters pass through unchanged. */
export function foldHomoglyphs(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  let out = '';
  for (const char of text) out += FOLD.get(char) ?? char;
  return out;
}

/** The look-alikes known for a Latin letter (used by the evasion tests and benchmarks). */
export function lookAlikesOf(latin: string): string[] {
  const result: string[] = [];
  for (const [from, to] of FOLD) if (to === latin) result.push(from);
  return result;
}
