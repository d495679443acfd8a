/** Interned (site, sender) pairs: messages store a small integer instead of two strings. */
export class SenderTable {
  readonly sites: string[] = [];
  readonly names: string[] = [];
  /** Newest live message of each sender, or -1; older ones are chained by `History.senderPrevious`. */
  heads: number[] = [];
  private readonly byKey = new Map<string, number>();

  /** Number of a (site, sender) pair, or -1 if unknown. */
  find(site: string, sender: string): number {
    return this.byKey.get(senderKey(site, sender)) ?? -1;
  }

  /** Number of a (site, sender) pair, added if new. */
  intern(site: string, sender: string): number {
    const key = senderKey(site, sender);
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.sites.length;
      this.sites.push(site);
      this.names.push(sender);
      this.heads.push(-1);
      this.byKey.set(key, index);
    }
    return index;
  }
}

/** Map key of a (site, sender) pair; NUL cannot occur in either after validation, so pairs cannot collide. */
export function senderKey(site: string, sender: string): string {
  return `${site}\u0000${sender}`;
}
