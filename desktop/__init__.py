"""Customer Archive: an encrypted customer file archive for small offices."""

__version__ = "0.1.0"
APP_NAME = "customer-archive"
