import { check, rulesOf } from '../testing/reply-check.fixture';

describe('blames_customer', () => {
  it('blocks blaming the customer', () => {
    expect(rulesOf(check('Вы сами виноваты: надо было проверить адрес.', 'Посылка ушла не туда'))).toContain('blames_customer');
    expect(rulesOf(check('You should have read the terms before buying.', 'No refund for a broken kettle?!'))).toContain('blames_customer');
  });

  it('blocks lecturing and contradicting', () => {
    expect(rulesOf(check('Читайте договор, там всё написано.', 'Почему списали комиссию?'))).toContain('blames_customer');
    expect(rulesOf(check('The app works fine for everyone else. Calm down.', 'Your app is broken'))).toContain('blames_customer');
  });

  it('allows empathy that mentions the customer', () => {
    const draft = "You shouldn't have had to wait that long, and we're sorry. Please DM us so we can sort it out.";
    expect(rulesOf(check(draft, 'Waited 2 hours on hold'))).not.toContain('blames_customer');
  });

  it('does not apply to private replies', () => {
    expect(rulesOf(check('You did not sign page 2 of the form.', 'Why was my claim rejected?', { visibility: 'private' }))).not.toContain(
      'blames_customer',
    );
  });
});
