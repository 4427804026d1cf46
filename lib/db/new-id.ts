import { randomFillSync } from "node:crypto";

let counter = 0;

/**
 * Random bytes drawn from the system's generator 4 KiB at a time: ingest makes three ids per
 * request, and a call to the generator per id cost more than the rest of making them.
 */
const randomPool = Buffer.alloc(4096);
let randomOffset = randomPool.length;
const randomLength = 11;

/**
 * A new row id for rows written outside Prisma: the same alphabet and length as the cuid ids
 * Prisma gives the others (a "c", the time, a counter, random characters), unique across
 * processes by its random part.
 */
export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  const time = Date.now().toString(36).padStart(9, "0");
  const count = counter.toString(36).padStart(4, "0");
  if (randomOffset + randomLength > randomPool.length) {
    randomFillSync(randomPool);
    randomOffset = 0;
  }
  let random = "";
  for (let index = 0; index < randomLength; index += 1) {
    random += ((randomPool[randomOffset + index] ?? 0) % 36).toString(36);
  }
  randomOffset += randomLength;
  return `c${time}${count}${random}`;
}
