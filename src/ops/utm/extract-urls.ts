const URL_PATTERN = /https?:\/\/[^\s)<>\]"'`]+/g;

/**
 * The distinct http(s) links in a text, in order of appearance. Links in prose often end
 * in punctuation that belongs to the sentence ("see https://x.example/a."), so trailing
 * punctuation is dropped.
 */
export function extractUrls(text: string): string[] {
  const urls = (text.match(URL_PATTERN) ?? []).map((url) => url.replace(/[.,;:!?]+$/, ''));
  return [...new Set(urls)];
}
