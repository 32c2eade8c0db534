export {
  ACCOUNT_SCHEMA_VERSION,
  MAX_PASSWORD_ITERATIONS,
  PASSWORD_ALGORITHM,
  USERNAME_PATTERN,
  accountSchema,
  normalizeUsername,
  passwordHashSchema,
  withoutPassword,
  type Account,
  type PasswordHash,
  type SignedInAccount,
} from './account';
export {
  KEY_BYTES,
  PBKDF2_DEFAULT_ITERATIONS,
  SALT_BYTES,
  constantTimeEqual,
  hashPassword,
  needsRehash,
  verifyPassword,
  type HashOptions,
} from './password';
export {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_CLASSES,
  PASSWORD_MIN_LENGTH,
  characterClasses,
  passwordProblems,
  type PasswordProblem,
  type PasswordProblemKey,
} from './policy';
export {
  signIn,
  type AccountLookup,
  type SignInOptions,
  type SignInRefusalKey,
  type SignInRefusalReason,
  type SignInResult,
} from './sign-in';
export { SAMPLE_ACCOUNT_CREDENTIALS, sampleAccounts, type SampleCredential } from './sample';
