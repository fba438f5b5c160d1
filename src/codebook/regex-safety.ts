/**
 * Reject regular expressions that can backtrack catastrophically. JavaScript's engine
 * backtracks, so a repeated group that itself repeats or alternates (`(a+)+`, `(a*)*`,
 * `(a|aa)+`) can take exponential time on a long segment. Rules rarely need such groups, so
 * the check is deliberately simple and strict: a group followed by `*`, `+` or `{n,…}` may not
 * contain a quantifier (`*`, `+`, `{…}`) or an alternation `|`.
 */
export function unsafeRegexReason(source: string): string | undefined {
  interface Group {
    quant: boolean;
    alt: boolean;
  }
  const stack: Group[] = [{ quant: false, alt: false }];
  const top = () => stack[stack.length - 1]!;
  const repeatsAt = (i: number) => {
    const c = source[i];
    return c === '*' || c === '+' || (c === '{' && /^\{\d+(,\d*)?\}/.test(source.slice(i)));
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      if (repeatsAt(i + 1)) top().quant = true;
      continue;
    }
    if (c === '[') {
      // Skip a character class; it is one atom.
      i++;
      if (source[i] === '^') i++;
      if (source[i] === ']') i++;
      while (i < source.length && source[i] !== ']') {
        if (source[i] === '\\') i++;
        i++;
      }
      if (repeatsAt(i + 1)) top().quant = true;
      continue;
    }
    if (c === '(') {
      stack.push({ quant: false, alt: false });
      continue;
    }
    if (c === '|') {
      top().alt = true;
      continue;
    }
    if (c === ')') {
      const g = stack.length > 1 ? stack.pop()! : top();
      const repeated = repeatsAt(i + 1);
      if (repeated && (g.quant || g.alt)) {
        return g.quant
          ? 'a repeated group contains another repetition (like (a+)+), which can take exponential time'
          : 'a repeated group contains an alternation (like (a|aa)+), which can take exponential time';
      }
      if (g.quant || repeated) top().quant = true;
      continue;
    }
    if (repeatsAt(i) && i > 0 && source[i - 1] !== '(') {
      top().quant = true;
    }
  }
  return undefined;
}
