import { coverageToCsv } from '../../server/src/coverage/csv';
import { coverageLevel } from '../../server/src/coverage/levels';
import type { CoverageMatrix } from '../../shared/contracts';

describe('coverageLevel', () => {
  it.each([
    [0, 3, undefined, 'gap'],
    [2, 3, undefined, 'thin'],
    [3, 3, undefined, 'ok'],
    [9, 3, undefined, 'ok'],
    [5, 3, 5, 'excess'],
    [4, 3, 5, 'ok'],
    [0, 0, undefined, 'ok'], // a minimum of 0 asks for nothing
  ] as const)('%i against minimum %i, excess %s -> %s', (count, minimum, excess, level) => {
    expect(coverageLevel(count, minimum, excess)).toBe(level);
  });
});

describe('coverageToCsv', () => {
  const matrix: CoverageMatrix = {
    stages: [{ key: 'awareness', label: 'Awareness, early', order: 0, minimum: 2, excess: null }],
    personas: [{ documentId: 'p1', slug: 'formula', name: '=HYPERLINK("http://x")' }],
    cells: [{ stage: 'awareness', persona: 'formula', count: 1, stale: 0, status: 'thin' }],
    stageTotals: [{ stage: 'awareness', count: 3, stale: 1, minimum: 2, status: 'ok' }],
    untagged: [{ stage: 'awareness', count: 2, stale: 1 }],
    noStage: { count: 4, stale: 0 },
    unknown: [{ stage: 'retired', count: 5, stale: 2 }],
    filters: {
      types: ['blog-post'],
      locale: 'en',
      status: 'published',
      fresh: false,
      staleAfterDays: 365,
    },
  };

  it('writes every row, quoting commas and neutralising formulas', () => {
    expect(coverageToCsv(matrix).split('\r\n')).toEqual([
      'stage,stageLabel,persona,personaName,count,stale,minimum,status',
      'awareness,"Awareness, early",formula,"\'=HYPERLINK(""http://x"")",1,0,2,thin',
      'awareness,"Awareness, early",(no persona),,2,1,,',
      'awareness,"Awareness, early",(all personas),,3,1,2,ok',
      '(no stage),,(all personas),,4,0,,',
      'retired,(not configured),(all personas),,5,2,,',
      '',
    ]);
  });
});
