// The lists sorted per segment are short (a few rules, codes or cues), where Array#sort's call
// overhead dominates: an insertion sort (stable, like Array#sort) for them, Array#sort beyond.
export const SMALL = 16;

export const byNumber = (a: number, b: number): number => a - b;

export function sortNumbers(a: number[]): void {
  if (a.length > SMALL) {
    a.sort(byNumber);
    return;
  }
  for (let i = 1; i < a.length; i++) {
    const x = a[i]!;
    let j = i - 1;
    while (j >= 0 && a[j]! > x) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = x;
  }
}

export function sortSmall<T>(a: T[], cmp: (x: T, y: T) => number): void {
  if (a.length > SMALL) {
    a.sort(cmp);
    return;
  }
  for (let i = 1; i < a.length; i++) {
    const x = a[i]!;
    let j = i - 1;
    while (j >= 0 && cmp(a[j]!, x) > 0) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = x;
  }
}
