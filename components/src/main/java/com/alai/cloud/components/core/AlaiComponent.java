package com.alai.cloud.components.core;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

/** Base of every alai component: one type namespace and child options that always name the parent. */
public abstract class AlaiComponent extends ComponentResource {
    public static final String TYPE_PREFIX = "alai:components:";

    protected AlaiComponent(String type, String name, ComponentResourceOptions options) {
        super(TYPE_PREFIX + type, name, options);
    }

    protected final CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    /** Stateful children are protected: `pulumi destroy` and a rollback can never delete them. */
    protected final CustomResourceOptions protectedChild() {
        return CustomResourceOptions.builder().parent(this).protect(true).build();
    }

    protected final CustomResourceOptions protectedChild(String importId) {
        var builder = CustomResourceOptions.builder().parent(this).protect(true);
        if (importId != null && !importId.isBlank()) {
            builder.importId(importId);
        }
        return builder.build();
    }
}
