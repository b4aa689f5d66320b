import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';
import { AppError } from '../../contracts/errors';

/** Length rules for a password being set (login accepts whatever was set before). Longer is fine: passwords are pre-hashed. */
export const passwordSchema = z.string().min(10, 'must be at least 10 characters').max(200, 'must be at most 200 characters');

/** zxcvbn's 0–4 guessability score; 3 ("safely unguessable", ~10^8 guesses) is the least we take. */
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
// Built on first use: ranking the dictionaries takes a moment that only password changes need.
const zxcvbn = () => (estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }));

export interface PasswordOwner {
  email: string;
  name: string;
  tenantSlug: string;
}

/**
 * Refuses a password that contains who it belongs to (email, its local part, a word of the name,
 * the tenant slug) or that zxcvbn scores below 3 (common passwords, keyboard walks, repeats,
 * dates). Throws BAD_USER_INPUT naming `field`.
 */
export function assertStrongPassword(password: string, owner: PasswordOwner, field = 'password'): void {
  const lower = password.toLowerCase();
  const email = owner.email.toLowerCase();
  const personal = [email, email.split('@')[0], owner.tenantSlug.toLowerCase(), ...owner.name.toLowerCase().split(/[^\p{L}\p{N}]+/u)].filter(
    (part) => part.length >= 4,
  );
  if (personal.some((part) => lower.includes(part))) {
    throw weak(field, "must not contain the user's email, name or the kitchen's slug");
  }
  if (zxcvbn().check(password, personal).score < MIN_SCORE) {
    throw weak(field, 'is too easy to guess: avoid common passwords, names, dates and keyboard patterns (a few unrelated words work well)');
  }
}

function weak(field: string, message: string): AppError {
  return new AppError('BAD_USER_INPUT', `Invalid input: ${field}: ${message}`, { field, fieldErrors: [{ path: field, message }] });
}
