package com.alai.cloud.migrate.reverse;

/** Which side wins a row changed on both sides since the migration; NEITHER reports it and leaves it alone. */
public enum Prefer { NEITHER, SQLITE, POSTGRES }
