// The forecast of GET /kpis in words (「本周期还可以超时 N 次」). Every number is the API's.

/** Translation keys and parameters of the lines to show for one metric's forecast. */
export function forecastWords(forecast, figure) {
  if (!forecast || !figure || figure.total === 0 || forecast.cycleOver) return [];
  const lines = [];
  const allowed = forecast.missesAllowedForRestOfCycle;
  if (allowed !== null && allowed !== undefined) {
    lines.push(allowed >= 0 ? { key: 'cycle.missesAllowed', params: { n: allowed } } : { key: 'cycle.overTarget', params: { n: -allowed } });
  }
  if (forecast.metInARowToRecover) lines.push({ key: 'cycle.recover', params: { n: forecast.metInARowToRecover } });
  else if (forecast.headroomNow !== null && forecast.headroomNow !== undefined && forecast.headroomNow >= 0) {
    lines.push({ key: 'cycle.headroom', params: { n: forecast.headroomNow } });
  }
  return lines;
}
