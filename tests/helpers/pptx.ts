import JSZip from 'jszip';

/** Each slide's XML of a .pptx, in slide order, and the visible text runs (<a:t>) of each, as PowerPoint stores them. */
export async function pptxSlides(bytes: Buffer): Promise<{ xml: string; text: string[] }[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return Promise.all(
    names.map(async (n) => {
      const xml = await zip.file(n)!.async('string');
      return { xml, text: [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => unescape(m[1]!)) };
    }),
  );
}
