import { ROLES, generatePassword, hashPassword, type Role } from '@otklik/persistence';
import { UsageError, type CliCommand } from './command';
import { withDatabase } from './database-session';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const userCreateCommand: CliCommand = {
  name: 'user:create',
  usage: 'otklik user:create --email EMAIL [--name NAME] [--role agent|lead|pr|admin] [--workspace SLUG] [--password PASSWORD]',
  summary: 'create a user (or add an existing one to a workspace) with a role; prints a generated password once',
  async run(args) {
    const options: Record<string, string> = {};
    for (let i = 0; i < args.length; i += 2) {
      const flag = args[i];
      if (!['--email', '--name', '--role', '--workspace', '--password'].includes(flag)) throw new UsageError(`unknown argument ${flag}`);
      if (args[i + 1] === undefined) throw new UsageError(`${flag} needs a value`);
      options[flag.slice(2)] = args[i + 1];
    }
    const email = (options.email ?? '').toLowerCase();
    if (!EMAIL.test(email)) throw new UsageError('--email must be an email address');
    const role = (options.role ?? 'agent') as Role;
    if (!ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    if (options.password !== undefined && options.password.length < 10) throw new UsageError('--password must be at least 10 characters');
    const password = options.password ?? generatePassword();
    const slug = options.workspace ?? 'demo';
    const created = await withDatabase((dataSource) =>
      dataSource.transaction(async (manager) => {
        const [workspace] = await manager.query('SELECT id FROM workspace WHERE slug = $1', [slug]);
        if (!workspace) throw new Error(`--workspace: no workspace with slug "${slug}" (run otklik seed-demo, or create one first)`);
        const existing = await manager.query('SELECT id FROM app_user WHERE email = $1', [email]);
        let userId: string;
        let isNew = false;
        if (existing.length > 0) userId = existing[0].id;
        else {
          const [user] = await manager.query('INSERT INTO app_user (email, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id', [
            email,
            options.name ?? email.split('@')[0],
            await hashPassword(password),
          ]);
          userId = user.id;
          isNew = true;
        }
        await manager.query(
          'INSERT INTO membership (user_id, workspace_id, role) VALUES ($1, $2, $3) ON CONFLICT (user_id, workspace_id) DO UPDATE SET role = EXCLUDED.role',
          [userId, workspace.id, role],
        );
        await manager.query(`INSERT INTO audit_log (workspace_id, action, target_type, target_id, details) VALUES ($1, 'user.created', 'user', $2, $3::jsonb)`, [
          workspace.id,
          userId,
          JSON.stringify({ email, role, via: 'cli' }),
        ]);
        return isNew;
      }),
    );
    process.stdout.write(created ? `created ${email} (${role} in ${slug})${options.password ? '' : `, password: ${password} (shown once)`}\n` : `${email} is now ${role} in ${slug}\n`);
    return 0;
  },
};
