/** Interned (site, sender) pairs: messages store a small integer instead of two strings. */
import { KeyIndex, keyHash } from './key-index';

/** Lookup key of a (site, sender) pair; NUL cannot occur in either after validation, so pairs cannot collide. */
export function senderKey(site: string, sender: string): string {
  return `${site}\u0000${sender}`;
}

/** Interned senders with their newest message. */
export class SenderTable {
  sites: string[] = [];
  names: string[] = [];
  /** Newest live message of each sender, or -1; older ones are chained by `History.senderPrevious`. */
  heads: number[] = [];
  private index: KeyIndex;

  /** An empty table, or one over a saved lookup table holding `used` senders. */
  constructor(slots?: Int32Array, used = 0) {
    this.index = new KeyIndex(64, slots, used);
  }

  /** The lookup table, for a snapshot. */
  saveIndex(): Int32Array {
    return this.index.save();
  }

  /** Number of a (site, sender) pair, or -1 if unknown. */
  find(site: string, sender: string): number {
    return this.index.find(keyHash(senderKey(site, sender)), (i) => this.names[i] === sender && this.sites[i] === site);
  }

  /** Number of a (site, sender) pair, added if new. */
  intern(site: string, sender: string): number {
    const hash = keyHash(senderKey(site, sender));
    const found = this.index.find(hash, (i) => this.names[i] === sender && this.sites[i] === site);
    if (found >= 0) return found;
    const number = this.sites.length;
    this.sites.push(site);
    this.names.push(sender);
    this.heads.push(-1);
    this.index.insert(hash, number, (i) => keyHash(senderKey(this.sites[i] ?? '', this.names[i] ?? '')));
    return number;
  }

  /** Restores saved pairs without hashing them again (the saved table must match them). */
  load(sites: readonly string[], names: readonly string[], heads: Int32Array): void {
    this.sites = sites.slice();
    this.names = names.slice();
    this.heads = Array.from(heads);
  }
}
