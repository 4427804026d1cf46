import bcrypt from "bcryptjs";

const COST = 12;

/** Hashes a password with bcrypt; the salt is inside the hash. */
export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

/** Compares in constant time through bcrypt. */
export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
