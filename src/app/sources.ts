/**
 * The one way to cite a source. Rules and indicators name the published documents they come
 * from by a short number (`001 indicator 3; 004 (4.6 by 2025)`), which is how the registry
 * and the code comments refer to them; people see the document's title and article instead:
 * 《嵊州市公共服务“七优享”工程“幼有善育”专项实施方案（2023—2027年）》指标 3.
 */

export interface ReferenceDocument {
  zh: string;
  en: string;
}

/** The published documents the platform's rules and targets come from, by their number. */
export const REFERENCE_DOCUMENTS: Record<string, ReferenceDocument> = {
  '000': { zh: '《绍兴市儿童与福利发展“十四五”规划》', en: 'Shaoxing Children and Welfare Development Plan (14th Five-Year)' },
  '001': { zh: '《嵊州市公共服务“七优享”工程“幼有善育”专项实施方案（2023—2027年）》', en: 'Shengzhou “Seven Shares” Public Services: Good Upbringing for Young Children Plan (2023–2027)' },
  '002': { zh: '《关于开展儿童参加基本医疗保险专项行动的通知》', en: 'Notice on the Campaign for Children’s Basic Medical Insurance Enrolment' },
  '003': { zh: '《推进绍兴市卫生健康现代化建设实施方案》', en: 'Plan for Modernising Health Services in Shaoxing' },
  '004': { zh: '《绍兴市“一老一小”整体解决方案》', en: 'Shaoxing Integrated Plan for the Elderly and Young Children' },
};

const SEGMENT = /^(\d{3})(?:\s*幼有善育)?\s*(?:[,，]?\s*(?:indicator|#)\s*(\d+(?:[–-]\d+)?))?\s*[:：]?\s*(.*)$/i;

/**
 * A source as people read it: every document number becomes the document's title (with its
 * indicator or article), internal notes (table names, specification sections) are dropped,
 * and in Chinese no English note is left. A text that cites no document is kept as written in
 * English; in Chinese it becomes `fallback`.
 */
export function citeSource(raw: string, locale: 'zh-CN' | 'en-US', fallback = '平台统计口径'): string {
  const zh = locale === 'zh-CN';
  // A source that already names its document by title keeps its wording, without the number.
  if (raw.includes('《')) return raw.replace(/\s*\((?:seed\s*)?\d{3}\)/g, '').replace(/\s+quoting\s+/g, zh ? '，引自' : ', quoting ').replace(/》:\s*/g, '》：');
  const parts: string[] = [];
  for (const segment of raw.split(/[;；]/).map((s) => s.trim()).filter(Boolean)) {
    const m = SEGMENT.exec(segment);
    const doc = m ? REFERENCE_DOCUMENTS[m[1]] : undefined;
    if (!m || !doc) {
      // Not a document: an internal note (table or column names, specification sections) or a plain description.
      if (!zh && !/[a-z]+_[a-z_]+|SPEC|§/.test(segment)) parts.push(segment);
      continue;
    }
    const article = m[2] ? (zh ? `指标 ${m[2]}` : `, indicator ${m[2]}`) : '';
    const note = m[3].replace(/^\((.*)\)$/, '$1').trim();
    const title = zh ? doc.zh : doc.en;
    parts.push(`${title}${article}${!zh && note && !/[a-z]+_[a-z_]+|SPEC|§/.test(note) ? ` (${note})` : ''}`);
  }
  const unique = [...new Set(parts)];
  if (!unique.length) return zh ? fallback : raw.replace(/\s*\(SPEC[^)]*\)/g, '');
  return unique.join(zh ? '；' : '; ');
}
