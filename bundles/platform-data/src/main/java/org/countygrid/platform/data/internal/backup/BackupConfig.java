package org.countygrid.platform.data.internal.backup;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CountyGrid database backup",
        description = "Online backups of the embedded H2 database into zip files; PostgreSQL is backed up with pg_dump")
@interface BackupConfig {

    @AttributeDefinition(name = "Daily at",
            description = "HH:mm in China Standard Time (Asia/Shanghai) for the nightly backup; empty = no nightly backup")
    String dailyAt() default "02:30";

    @AttributeDefinition(name = "Backups kept",
            description = "How many backup files stay in the folder; the oldest go after a successful backup (1-365)")
    int keep() default 7;

    @AttributeDefinition(name = "Folder",
            description = "Where the zip files go; empty = ${karaf.data}/backup. Better on another disk than data/")
    String folder() default "";
}
