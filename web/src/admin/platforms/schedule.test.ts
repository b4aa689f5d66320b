import { formatDays, formatSchedule } from './schedule';

const all = [1, 2, 3, 4, 5, 6, 7];

describe('platform availability schedule wording', () => {
  it('says nothing for a dish that is on all day every day', () => {
    expect(formatSchedule({ availableFrom: null, availableTo: null, availableDays: all })).toBeNull();
  });

  it('shows weekdays as a range with the hours', () => {
    expect(formatSchedule({ availableFrom: '11:30', availableTo: '15:00', availableDays: [1, 2, 3, 4, 5] })).toBe('Mon–Fri 11:30–15:00');
  });

  it('says every day when only the hours are limited', () => {
    expect(formatSchedule({ availableFrom: '18:00', availableTo: '23:00', availableDays: all })).toBe('Every day 18:00–23:00');
  });

  it('shows only the days when the dish is on all day on them', () => {
    expect(formatSchedule({ availableFrom: null, availableTo: null, availableDays: [7, 6] })).toBe('Sat, Sun');
  });

  it('keeps hours that cross midnight as the server stores them', () => {
    expect(formatSchedule({ availableFrom: '22:00', availableTo: '02:00', availableDays: [5, 6] })).toBe('Fri, Sat 22:00–02:00');
  });

  it('joins runs of three or more days into ranges and lists the rest, in week order, once each', () => {
    expect(formatDays([6, 1, 3, 2, 3, 7, 5])).toBe('Mon–Wed, Fri–Sun');
    expect(formatDays([1, 3, 5])).toBe('Mon, Wed, Fri');
    expect(formatDays([4])).toBe('Thu');
  });
});
