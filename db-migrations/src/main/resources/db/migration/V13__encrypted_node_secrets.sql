-- Node secrets are stored encrypted as v1:<keyId>:<base64 of nonce and AES-GCM ciphertext>. The services hold the
-- key, not the migration, so they encrypt the rows still in plain text when they start (StoredSecretsRewriter).
alter table nodes alter column secret type varchar(255);
