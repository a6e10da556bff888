import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DATA_ELEMENTS } from './aggregate-exchange';
import { exchangeMappingMarkdown } from './aggregate-exchange-table';

describe('aggregate exchange mapping table', () => {
  it('lists every data element and category option combination the exports write, by code', () => {
    const table = exchangeMappingMarkdown();
    for (const element of DATA_ELEMENTS) expect(table).toContain(`| \`${element.code}\` |`);
    expect(table).toContain('| `BALITA_FEMALE` | `BALITA` + `FEMALE` |');
    expect(table).toContain('`TPPS_STUNTING_QUARTERLY` (Quarterly)');
    expect(table).toContain('`SEX` (options `MALE`, `FEMALE`)');
  });

  it('is the table the README gives a DHIS2 administrator, word for word', () => {
    const readme = readFileSync(path.resolve(__dirname, '../../../../README.md'), 'utf8');
    expect(readme).toContain(exchangeMappingMarkdown().trim());
  });
});
