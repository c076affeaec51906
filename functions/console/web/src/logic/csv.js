// CSV pages from the API joined into one file.

const BOM = '\uFEFF';

/**
 * The pages of one CSV list (each with the API's byte-order mark and header line, as `Blob.text()`
 * gives them - with or without the mark) as one file: one byte-order mark, so Excel reads the Chinese,
 * one header line, then every page's rows in order. A page is text ending in CRLF, as the API writes
 * it; a header line holds no line break (quoted fields with line breaks are in the rows only).
 */
export function joinCsvPages(pages) {
  if (!pages.length) return BOM;
  const bare = pages.map((p) => (p.startsWith(BOM) ? p.slice(1) : p));
  const rows = bare.slice(1).map((p) => {
    const end = p.indexOf('\n');
    return end < 0 ? '' : p.slice(end + 1);
  });
  return BOM + bare[0] + rows.join('');
}
