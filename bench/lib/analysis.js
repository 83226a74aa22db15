'use strict';
/** Observations written into the report from the measured figures (no judgement calls hard-coded). */
const n = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const short = (sql, max = 150) => {
  const text = sql.replace(/`/g, '"');
  return text.length > max ? `${text.slice(0, max)}...` : text;
};

const profileTable = (title, profile) => {
  const lines = [
    `**${title}**: ${profile.count} SQL statements, ${n(profile.sqlMs, 2)} ms of SQL in a ${n(profile.requestMs, 2)} ms request ` +
      `(${n((100 * profile.sqlMs) / profile.requestMs, 0)}% in the database, the rest in Strapi/plugin JavaScript and HTTP).`,
    '',
  ];
  lines.push('| # | ms | statement (truncated) |', '| ---: | ---: | --- |');
  profile.statements.forEach((s, i) =>
    lines.push(`| ${i + 1} | ${n(s.ms, 2)} | \`${short(s.sql).replace(/\|/g, '\\|')}\` |`)
  );
  return lines.join('\n');
};

const analyse = (report) => {
  const first = report.sizes[0];
  const last = report.sizes[report.sizes.length - 1];
  const out = [];
  if (report.sizes.length > 1) {
    const growth = (get) => n(get(last) / get(first), 1);
    out.push(
      `- From ${first.size.toLocaleString('en')} to ${last.size.toLocaleString('en')} documents (${n(last.size / first.size, 0)}x the data, ` +
        `${n(last.matchingDocuments / first.matchingDocuments, 1)}x the matching documents): journey content p50 x${growth((s) => s.content.journey.c1.p50)}, ` +
        `core REST p50 x${growth((s) => s.content.core.c1.p50)}, raw content SQL x${growth((s) => s.rawContent.countAndPage.median)}, ` +
        `coverage p50 x${growth((s) => s.coverage.http.c1.p50)}, raw coverage SQL x${growth((s) => s.coverage.raw.median)}, naive coverage x${growth((s) => s.coverage.naive.median)}.`
    );
  }
  const j = last.profiles.journeyContent;
  const c = last.profiles.coreRest;
  const v = last.profiles.coverage;
  out.push(
    `- One journey content request makes ${j.count} SQL statements (core REST on one type: ${c.count}); ` +
      `at ${last.size.toLocaleString('en')} documents they take ${n(j.sqlMs, 1)} ms of its ${n(j.requestMs, 1)} ms (core REST: ${n(c.sqlMs, 1)} of ${n(c.requestMs, 1)} ms).`
  );
  if (last.content.journeyCounting) {
    out.push(
      `- Totals at ${last.size.toLocaleString('en')} documents: with the cache on (the default) a repeated query reuses its total while the data version is unchanged, so a request runs the page statement only ` +
        `(p50 ${n(last.content.journey.c1.p50, 1)} ms); counting all ${last.matchingDocuments.toLocaleString('en')} matches on every request (cacheTotals: false, or the first request after any write) ` +
        `gives p50 ${n(last.content.journeyCounting.c1.p50, 1)} ms (${n(last.ratios.countingVsCoreMedianC1, 2)}x core REST); the raw page + count statements take ${n(last.rawContent.countAndPage.median, 1)} ms, the page alone ${n(last.rawContent.pageOnly.median, 2)} ms.`
    );
  }
  if (last.content.newFilters) {
    const { newFilters } = last.content;
    out.push(
      `- A filter never asked before at ${last.size.toLocaleString('en')} documents (cacheTotals on, the groups counted): p50 ${n(last.content.journeyNewFilter.c1.p50, 1)} ms at 1 connection ` +
        `(${n(last.ratios.newFilterVsCoreMedianC1, 2)}x core REST; the same URL repeated: ${n(last.content.journey.c1.p50, 1)} ms), ${newFilters.statementsPerRequest.groupsWarm} SQL statements a request against ${newFilters.statementsPerRequest.countingEveryRequest} counting; ` +
        `${newFilters.requests.toLocaleString('en')} requests over ${newFilters.distinct.toLocaleString('en')} distinct filters${newFilters.requests > newFilters.distinct ? ' (more requests than filters: the list went round again, each repeat answered from the groups too)' : ''}.`
    );
  }
  const slowest = [...j.statements].sort((a, b) => b.ms - a.ms)[0];
  if (slowest)
    out.push(
      `- The slowest content statement (${n(slowest.ms, 1)} ms): \`${short(slowest.sql, 110)}\`.`
    );
  out.push(
    `- Coverage: ${v.count} statements, ${n(v.sqlMs, 1)} ms of SQL in a ${n(v.requestMs, 1)} ms request; the raw aggregate alone takes ${n(last.coverage.raw.median, 1)} ms ` +
      `(ratio ${n(last.ratios.coverageVsRawSql, 2)}x), the naive ${last.coverage.naive.counts} counts ${n(last.coverage.naive.median, 0)} ms.`
  );
  out.push(
    `- Memory during the coverage burst: peak heap ${report.sizes.map((s) => `${n(s.memory.heapPeakMB, 0)} MB at ${s.size.toLocaleString('en')}`).join(', ')}; ` +
      `peak RSS ${report.sizes.map((s) => `${n(s.memory.rssPeakMB, 0)} MB`).join(', ')}.`
  );
  out.push('', '### Profile of one request at the largest size', '');
  out.push(
    profileTable('journey content', j),
    '',
    profileTable('core REST articles', c),
    '',
    profileTable('coverage', v)
  );
  return out.join('\n');
};

module.exports = { analyse };
