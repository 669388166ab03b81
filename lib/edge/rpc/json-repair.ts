/**
 * Miner firmware sends JSON that JSON.parse refuses: bmminer's `stats` glues objects as `}{`,
 * some builds leave `,}` / `,]`, most terminate the reply with a NUL, and a failed sensor is
 * printed as a bare `inf` or `nan`. One pass outside string literals fixes all four, so a
 * string value that happens to contain "}{" or "nan" is left alone.
 */
export function repairMinerJson(raw: string): string {
  const text = raw.replace(/\u0000+/g, '').trim();
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      out += ch;
      if (ch === '\\') {
        out += text[i + 1] ?? '';
        i++;
      } else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      out += ch;
      continue;
    }
    if (ch === ',') {
      const next = nextNonSpace(text, i + 1);
      if (next === '}' || next === ']') continue;
    }
    if (ch === '}' && nextNonSpace(text, i + 1) === '{') {
      out += '},';
      continue;
    }
    const bare = 'iInN-'.includes(ch) ? /^-?(inf(inity)?|nan)\b/i.exec(text.slice(i, i + 10)) : null;
    if (bare && !/[\w.]/.test(text[i - 1] ?? '')) {
      out += 'null';
      i += bare[0].length - 1;
      continue;
    }
    out += ch;
  }
  return out;
}

function nextNonSpace(text: string, from: number): string | undefined {
  for (let i = from; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== ' ' && ch !== '\n' && ch !== '\r' && ch !== '\t') return ch;
  }
  return undefined;
}

/** JSON.parse first (the common, fast case), the repair pass only when that fails. */
export function parseMinerJson(raw: string): unknown {
  const trimmed = raw.replace(/\u0000+$/, '');
  try {
    return JSON.parse(trimmed);
  } catch {
    return JSON.parse(repairMinerJson(raw));
  }
}
