import {
  AGE_GROUP_CATEGORY,
  CATEGORY_COMBOS,
  CATEGORY_OPTION_COMBOS,
  DATA_ELEMENTS,
  EXCHANGE_DATA_SETS,
  SEX_CATEGORY,
} from './aggregate-exchange';

const code = (text: string): string => `\`${text}\``;

/**
 * The README's mapping table, written from the codes the exports use: what a DHIS2 administrator sets as the `code`
 * of each data set, data element, category, option and combination before importing with the code id scheme. Its
 * unit test holds the README's copy to it word for word.
 */
export function exchangeMappingMarkdown(): string {
  const options = (category: { code: string; options: Record<string, string> }) =>
    Object.values(category.options).map(code).join(', ');
  return [
    `Data sets ${code(EXCHANGE_DATA_SETS.month)} (period type Monthly), ${code(EXCHANGE_DATA_SETS.quarter)}` +
      ` (Quarterly) and ${code(EXCHANGE_DATA_SETS.year)} (Yearly), each with every data element below. Categories: ${code(AGE_GROUP_CATEGORY.code)} (options ${options(AGE_GROUP_CATEGORY)}),` +
      ` ${code(SEX_CATEGORY.code)} (options ${options(SEX_CATEGORY)}). Category combinations:` +
      ` ${code(CATEGORY_COMBOS.total)} (${code(AGE_GROUP_CATEGORY.code)}),` +
      ` ${code(CATEGORY_COMBOS.bySex)} (${code(AGE_GROUP_CATEGORY.code)} × ${code(SEX_CATEGORY.code)}).`,
    '',
    '| data element code | counts | category combination |',
    '|---|---|---|',
    ...DATA_ELEMENTS.map((element) => `| ${code(element.code)} | ${element.name} | ${code(element.categoryCombo)} |`),
    '',
    '| category option combination code | category options |',
    '|---|---|',
    ...CATEGORY_OPTION_COMBOS.map((combo) => `| ${code(combo.code)} | ${combo.options.map(code).join(' + ')} |`),
    '',
  ].join('\n');
}
