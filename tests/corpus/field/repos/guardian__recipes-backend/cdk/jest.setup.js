jest.mock('@guardian/cdk/lib/constants/tracking-tag');
