import { email, multilineText, phone, safeText, secretText } from './text';

describe('phone', () => {
  it.each(['+39 333 123-4567', '02-555-0199', '(06) 555.0199', '555 0101', '+1 (212) 555-0100'])('accepts %p', (value) => {
    expect(phone().safeParse(value).success).toBe(true);
  });
  it.each(['call me maybe', '555-CALL', '12345', '1'.repeat(21), '+39 333\u0000123', '++39 333 1234'])('refuses %p', (value) => {
    expect(phone().safeParse(value).success).toBe(false);
  });
});

describe('text', () => {
  it('trims one-line text and refuses control characters, tabs and newlines in it', () => {
    expect(safeText(10).parse('  Forno  ')).toBe('Forno');
    for (const bad of ['a\u0000b', 'a\tb', 'a\nb', 'a\u007fb', 'a\u001bb']) expect(safeText(10).safeParse(bad).success).toBe(false);
    expect(safeText(5).safeParse('x'.repeat(6)).error?.issues[0].message).toBe('must be at most 5 characters');
  });

  it('keeps newlines and tabs in notes but not the other control characters', () => {
    expect(multilineText(50).parse('ring twice\n\tthen wait\r\n')).toBe('ring twice\n\tthen wait');
    expect(multilineText(50).safeParse('ring\u0000twice').success).toBe(false);
    expect(multilineText(50).safeParse('ring\u0007twice').success).toBe(false);
  });

  it('never trims a secret, but bounds it and refuses control characters', () => {
    expect(secretText(20).parse(' s3cret ')).toBe(' s3cret ');
    expect(secretText(20).safeParse('s3\u0000cret').success).toBe(false);
    expect(secretText(5).safeParse('toolong').success).toBe(false);
  });

  it('lower-cases an email and refuses one longer than 254 characters before parsing it', () => {
    expect(email().parse(' Owner@Demo.Local ')).toBe('owner@demo.local');
    const long = email().safeParse(`${'a'.repeat(10_000)}@example.com`);
    expect(long.error?.issues.map((i) => i.message)).toEqual(['must be at most 254 characters']);
  });
});
