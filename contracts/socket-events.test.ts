import { readFileSync } from 'node:fs';
import path from 'node:path';
import { joinStationSchema, stationRoom, tenantRoom } from './socket-events';

describe('socket contracts', () => {
  it('namespaces station rooms by tenant, so the same station id in two tenants is two rooms', () => {
    const stationId = '7b1c2f9e-9c7a-4c55-8f0e-2d4b8f2d9a11';
    const a = '11111111-1111-4111-8111-111111111111';
    const b = '22222222-2222-4222-8222-222222222222';
    expect(stationRoom(a, stationId)).not.toBe(stationRoom(b, stationId));
    expect(new Set([tenantRoom(a), tenantRoom(b), stationRoom(a, stationId), stationRoom(b, stationId)]).size).toBe(4);
  });

  it('accepts only an id-shaped station id from clients', () => {
    expect(joinStationSchema.safeParse({ stationId: '00000000-0000-0000-0000-000000000001' }).success).toBe(true);
    expect(joinStationSchema.safeParse({ stationId: 'grill' }).success).toBe(false);
    expect(joinStationSchema.safeParse({}).success).toBe(false);
    expect(joinStationSchema.safeParse('7b1c2f9e-9c7a-4c55-8f0e-2d4b8f2d9a11').success).toBe(false);
  });

  it('imports nothing the browser bundle cannot load', () => {
    const source = readFileSync(path.join(__dirname, 'socket-events.ts'), 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    // domain/auth/permissions is pure data (the web app imports it too).
    expect(imports).toEqual(['zod', '../domain/auth/permissions']);
  });
});
