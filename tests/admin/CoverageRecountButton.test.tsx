import { useAuth } from '@strapi/strapi/admin';
import { render, screen, server } from '@strapi/strapi/admin/test';
import { http, HttpResponse } from 'msw';

import { CoverageRecountButton } from '../../admin/src/components/CoverageRecountButton';
import { BACKEND_URL } from './fixtures/journey';

import type { RecountReport } from '../../shared/contracts';

/*
 * The coverage page's "Recount": shown to super admins only (the signed-in user's roles, from
 * /admin/users/me), posts the recount and says what it found.
 */

const REPORT: RecountReport = {
  repairedTables: [],
  checked: 3,
  corrected: 0,
  corrections: [],
  totalsForgotten: 2,
  counted: [{ type: 'blog-post', locale: 'en', status: 'published' }],
  durationMs: 41,
};

let recounts: number;

/** Renders the user the auth state holds, so a test can wait until it is known. */
const SignedInAs = () => {
  const email = useAuth('SignedInAs', (auth) => auth.user?.email);
  return email ? <p>Signed in as {email}</p> : null;
};

/** Signs a user with `roleCode` in: a stored token makes Strapi's AuthProvider fetch users/me. */
const signIn = (roleCode: string) => {
  localStorage.setItem('jwtToken', JSON.stringify('test-token'));
  server.use(
    http.get(`${BACKEND_URL}/admin/users/me`, () =>
      HttpResponse.json({
        data: { id: 1, email: 'a@journey.test', roles: [{ id: 1, code: roleCode }] },
      })
    )
  );
};

const answerRecount = (answer: () => Response) =>
  server.use(
    http.post(`${BACKEND_URL}/journey/coverage/recount`, () => {
      recounts += 1;
      return answer();
    })
  );

beforeEach(() => {
  recounts = 0;
});
afterEach(() => {
  localStorage.removeItem('jwtToken');
});

describe('Recount', () => {
  it('tells a super admin that every kept count matched', async () => {
    signIn('strapi-super-admin');
    answerRecount(() => HttpResponse.json({ data: REPORT }));
    const { user } = render(<CoverageRecountButton />);

    await user.click(await screen.findByRole('button', { name: 'Recount' }));

    expect(
      await screen.findByText('Recounted in 41 ms: all 3 kept counts matched the database.')
    ).toBeInTheDocument();
    expect(recounts).toBe(1);
  });

  it('says how many counts were corrected and where tracking was put back', async () => {
    signIn('strapi-super-admin');
    answerRecount(() =>
      HttpResponse.json({
        data: { ...REPORT, corrected: 2, repairedTables: ['journey_blog_posts'] },
      })
    );
    const { user } = render(<CoverageRecountButton />);

    await user.click(await screen.findByRole('button', { name: 'Recount' }));

    expect(
      await screen.findByText(
        'Recounted in 41 ms: 2 of 3 kept counts differed from the database and are corrected. Change tracking was missing and is installed again on: journey_blog_posts.'
      )
    ).toBeInTheDocument();
  });

  it("shows the server's message when the recount is refused", async () => {
    signIn('strapi-super-admin');
    answerRecount(() =>
      HttpResponse.json(
        {
          data: null,
          error: {
            status: 403,
            name: 'PolicyError',
            message: 'Only a super admin can recount the journey counts.',
            details: {},
          },
        },
        { status: 403 }
      )
    );
    const { user } = render(<CoverageRecountButton />);

    await user.click(await screen.findByRole('button', { name: 'Recount' }));

    expect(
      await screen.findByText('Only a super admin can recount the journey counts.')
    ).toBeInTheDocument();
  });

  it('is not shown to other roles', async () => {
    signIn('strapi-editor');
    render(
      <>
        <SignedInAs />
        <CoverageRecountButton />
      </>
    );

    // Once the signed-in user is known (and rendered from the same auth state), still no button.
    expect(await screen.findByText('Signed in as a@journey.test')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Recount' })).toBeNull();
    expect(recounts).toBe(0);
  });
});
