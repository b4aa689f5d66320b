import bcrypt from 'bcryptjs';
import { AppError } from '../../contracts/errors';
import { assertStrongPassword } from './password-policy';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords';

describe('password hashes', () => {
  it('tells apart passphrases that share their first 72 bytes', async () => {
    const head = 'x'.repeat(72);
    const hash = await hashPassword(`${head} and the rest of a long passphrase`, 4);
    expect(hash).toMatch(/^sha256-bcrypt:\$2b\$04\$/);
    expect(await verifyPassword(`${head} and the rest of a long passphrase`, hash)).toBe(true);
    expect(await verifyPassword(head, hash)).toBe(false);
    expect(await verifyPassword(`${head} and something else`, hash)).toBe(false);
    // Plain bcrypt, for comparison: everything after byte 72 is ignored.
    const plain = await bcrypt.hash(`${head} one ending`, 4);
    expect(await bcrypt.compare(`${head} another ending`, plain)).toBe(true);
  });

  it('still verifies the plain bcrypt hashes stored before (seed, existing users)', async () => {
    const legacy = await bcrypt.hash('demo1234', 4);
    expect(await verifyPassword('demo1234', legacy)).toBe(true);
    expect(await verifyPassword('demo12345', legacy)).toBe(false);
  });

  it('never accepts anything in the unknown-account path', async () => {
    expect(await burnPasswordCheck('brigade-timing-equaliser')).toBe(false);
  });
});

describe('password policy', () => {
  const owner = { email: 'giulia.rossi@trattoria.example', name: 'Giulia Rossi', tenantSlug: 'trattoria-da-gino' };
  const refusal = (password: string) => {
    try {
      assertStrongPassword(password, owner);
    } catch (err) {
      if (err instanceof AppError) return [err.code, (err.details?.fieldErrors as { path: string }[])[0].path, err.message];
      throw err;
    }
    return null;
  };

  it.each(['password123', 'qwerty123456', '1234567890', 'iloveyou12'])('refuses the common password %j', (password) => {
    expect(refusal(password)).toEqual(['BAD_USER_INPUT', 'password', expect.stringContaining('password: is too easy to guess')]);
  });

  it.each(['giulia.rossi@trattoria.example', 'Giulia.Rossi-2024!', 'xx-ROSSI-pasta-77', 'trattoria-da-gino!1'])(
    'refuses %j, which contains the email, the name or the tenant slug',
    (password) => {
      expect(refusal(password)).toEqual(['BAD_USER_INPUT', 'password', expect.stringContaining("must not contain the user's email")]);
    },
  );

  it.each(['basil oven glow tomato', 'Kn8!vq-Lm2@zr', 'correct horse battery staple'])('accepts %j', (password) => {
    expect(refusal(password)).toBeNull();
  });
});
