/**
 * `npm run token -- --user editor@example.org --group editors`: prints a staff token
 * signed by the local issuer's key (DATA_DIR/auth), valid for an hour against `npm start`.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSigningKey, signStaffToken } from './issuer';

const { values } = parseArgs({
  options: {
    user: { type: 'string', default: 'editor@example.org' },
    group: { type: 'string', multiple: true, default: ['editors'] },
    ttl: { type: 'string', default: '3600' },
  },
});
const key = await loadSigningKey(resolve(process.env.DATA_DIR ?? '.data', 'auth'));
console.log(
  await signStaffToken(
    key,
    { email: values.user!, groups: values.group!.filter(Boolean) },
    { ttlSeconds: Number(values.ttl) },
  ),
);
