// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignInForm } from './SignInForm';
import { click, fillIn, getByLabel, getByRole, idlePanel, renderPanel, update } from './test-support/render';

const PASSWORD = 'correct horse battery';

afterEach(() => {
  vi.restoreAllMocks();
});

/** The form with the agent's sign-in stubbed: the test decides when and how it ends. */
async function signInForm() {
  const panel = idlePanel();
  let finish: (outcome: boolean | Error) => void = () => {};
  const signIn = vi.spyOn(panel.actions, 'signIn').mockImplementation(
    () =>
      new Promise<boolean>((resolve, reject) => {
        finish = (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome));
      }),
  );
  const view = await renderPanel(<SignInForm />, { panel });
  const password = getByLabel(view.container, 'Password') as HTMLInputElement;
  await fillIn(getByLabel(view.container, 'Login ID') as HTMLInputElement, 'agent01');
  await fillIn(password, PASSWORD);
  await click(getByRole(view.container, 'button', 'Sign in'));
  return { ...view, password, signIn, finish: (outcome: boolean | Error) => update(() => finish(outcome)) };
}

/** Nowhere on the page or in the panel's state: not in the field, not in an attribute, not in the store. */
function expectForgotten(view: { container: HTMLElement; password: HTMLInputElement; store: { getState(): unknown } }) {
  expect(view.password.value).toBe('');
  expect(view.container.innerHTML).not.toContain(PASSWORD);
  expect(JSON.stringify(view.store.getState())).not.toContain(PASSWORD);
}

describe('the sign-in form never keeps the password after a submit', () => {
  it('hands the login ID and the password to the sign-in', async () => {
    const view = await signInForm();
    expect(view.signIn).toHaveBeenCalledWith('agent01', PASSWORD);
  });

  it('when the sign-in works', async () => {
    const view = await signInForm();
    await view.finish(true);
    expectForgotten(view);
  });

  it('when the sign-in is refused, with the cursor back in the empty password field', async () => {
    const view = await signInForm();
    await view.finish(false);
    expectForgotten(view);
    expect(document.activeElement).toBe(view.password);
  });

  it('when the sign-in fails outright', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const view = await signInForm();
    await view.finish(new Error('the link broke'));
    expectForgotten(view);
    expect(document.activeElement).toBe(view.password);
    expect(logged).toHaveBeenCalledWith('BIZTEL Open CTI: signing in failed', new Error('the link broke'));
  });
});
