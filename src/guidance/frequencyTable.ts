/**
 * Counts by word for tens of thousands of words, held as one string and two typed arrays rather
 * than a Map: a Map keeps every word as a heap object of its own for the life of the process, and
 * every full garbage collection of the running bot has to mark each one. Look-up is a binary search
 * (about 17 comparisons for the SUBTLEX list), and only a question not asked before looks words up.
 */
export class FrequencyTable {
  private readonly keys: string;
  /** Where each word starts in `keys`; one more entry than words, for the end of the last. */
  private readonly starts: Uint32Array;
  private readonly counts: Float64Array;

  constructor(counts: ReadonlyMap<string, number>) {
    const sorted = [...counts.keys()].sort(compareCodeUnits);
    this.starts = new Uint32Array(sorted.length + 1);
    this.counts = new Float64Array(sorted.length);
    let at = 0;
    sorted.forEach((word, i) => {
      this.starts[i] = at;
      this.counts[i] = counts.get(word) ?? 0;
      at += word.length;
    });
    this.starts[sorted.length] = at;
    this.keys = sorted.join('');
  }

  get size(): number {
    return this.counts.length;
  }

  /** The count for a word, 0 when it is not in the table. */
  get(word: string): number {
    let lo = 0;
    let hi = this.counts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const order = this.compareAt(mid, word);
      if (order === 0) return this.counts[mid] ?? 0;
      if (order < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** The order of the i-th word against `word`, by UTF-16 code unit as `sort` put them, without a substring. */
  private compareAt(i: number, word: string): number {
    const start = this.starts[i] ?? 0;
    const length = (this.starts[i + 1] ?? start) - start;
    const n = Math.min(length, word.length);
    for (let k = 0; k < n; k++) {
      const d = this.keys.charCodeAt(start + k) - word.charCodeAt(k);
      if (d !== 0) return d;
    }
    return length - word.length;
  }
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
