"""The archive file: SQLCipher 4 through sqlcipher3. No Qt here."""
