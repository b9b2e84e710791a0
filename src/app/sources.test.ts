import { describe, expect, it } from 'vitest';
import { citeSource } from './sources.ts';

describe('citing a source', () => {
  it('names the document and its indicator, never its number', () => {
    expect(citeSource('001 indicator 3; 004 (4.6 by 2025)', 'zh-CN')).toBe('《嵊州市公共服务“七优享”工程“幼有善育”专项实施方案（2023—2027年）》指标 3；《绍兴市“一老一小”整体解决方案》');
    expect(citeSource('001 幼有善育 indicator 7: children screened in the year ÷ children aged 0–2', 'zh-CN')).toBe('《嵊州市公共服务“七优享”工程“幼有善育”专项实施方案（2023—2027年）》指标 7');
  });

  it('leaves no English or internal note in Chinese', () => {
    expect(citeSource('004: 4.6 places per 1,000 residents by 2025', 'zh-CN')).toBe('《绍兴市“一老一小”整体解决方案》');
    expect(citeSource('001 indicator 10; childcare_staff', 'zh-CN')).not.toMatch(/[a-z_]{4,}|\d{3} /);
    expect(citeSource('Enrolled children at year end ÷ places', 'zh-CN')).toBe('平台统计口径');
  });

  it('keeps a source that names its document by title, without the number', () => {
    expect(citeSource('《绍兴市一老一小整体解决方案》(seed 004) quoting 《指导意见》: 最高可给予20万元一次性补助；有托育服务的', 'zh-CN')).toBe('《绍兴市一老一小整体解决方案》，引自《指导意见》：最高可给予20万元一次性补助；有托育服务的');
  });

  it('keeps the notes in English, without internal names', () => {
    expect(citeSource('001 indicator 3; 004 (4.6 by 2025)', 'en-US')).toBe('Shengzhou “Seven Shares” Public Services: Good Upbringing for Young Children Plan (2023–2027), indicator 3; Shaoxing Integrated Plan for the Elderly and Young Children (4.6 by 2025)');
    expect(citeSource('001 indicator 7; dev_screenings (SPEC §3.6)', 'en-US')).not.toMatch(/dev_screenings|SPEC/);
    expect(citeSource('Enrolled children at year end ÷ places', 'en-US')).toBe('Enrolled children at year end ÷ places');
  });
});
