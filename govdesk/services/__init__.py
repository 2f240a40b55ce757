"""Services: one module per capability. Each method opens its own short session."""
